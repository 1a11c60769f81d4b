// Inout ports connected to parts of nets join the bits both ways, passing strengths
// unchanged; pullup/pulldown instance arrays pull single bits (1364-2005 clauses 7 and 12).
module drv(inout [1:0] p, input en, input v);
  assign (weak0, weak1) p[0] = v;
  bufif1 (p[1], v, en);
endmodule
module top;
  wire [3:0] bus;
  wire [3:0] pl;
  reg en, v, d;
  drv d0(bus[1:0], en, v);
  drv d1(bus[3:2], en, d);
  bufif0 (bus[2], d, en);
  pullup u[1:0] (pl[3:2]);
  pulldown (pl[0]);
  assign (pull0, pull1) pl[3] = d;
  initial begin
    $monitor("%0t en=%b v=%b d=%b bus=%b %v pl=%b %v", $time, en, v, d, bus, bus, pl, pl);
    en = 0; v = 0; d = 0;
    #1 en = 1;
    #1 v = 1;
    #1 d = 1;
    #1 v = 0;
    #1 d = 1'bz;
    #1 $finish;
  end
endmodule
