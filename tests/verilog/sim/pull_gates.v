// pullup/pulldown on undriven and tri-state nets.
module t;
  reg a, en;
  wire up, down, bus;
  wire pair;
  pullup (up);
  pulldown (down);
  pullup p1 (bus);
  bufif1 (bus, a, en);
  pulldown (pair);
  assign pair = en ? a : 1'bz;
  initial begin
    $monitor("%0t a=%b en=%b up=%b down=%b bus=%b pair=%b", $time, a, en, up, down, bus, pair);
    a = 0; en = 0;
    #1 en = 1;
    #1 a = 1;
    #1 en = 0;
  end
endmodule
