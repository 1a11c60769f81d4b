// tri0/tri1/supply nets with one driver: undriven bits pull to 0/1; supply nets stay constant.
module t;
  reg en;
  reg [1:0] v;
  tri0 [1:0] t0 = en ? v : 2'bz;
  tri1 [1:0] t1;
  assign t1 = en ? v : 2'bz;
  supply0 gnd;
  supply1 vdd;
  wire [1:0] plain = en ? v : 2'bz;
  initial begin
    $monitor("%0t en=%b v=%b t0=%b t1=%b plain=%b gnd=%b vdd=%b", $time, en, v, t0, t1, plain,
             gnd, vdd);
    en = 0; v = 2'b10;
    #1 en = 1;
    #1 v = 2'bz1;
    #1 v = 2'bx0;
    #1 en = 0;
  end
endmodule
