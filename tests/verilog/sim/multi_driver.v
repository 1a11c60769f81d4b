// Nets with several continuous drivers, resolved by net type.
module t;
  reg [3:0] a, b;
  reg ea, eb;
  wire [3:0] w;
  tri [3:0] bus;
  wand [3:0] wa;
  wor [3:0] wo;
  tri0 [3:0] t0;
  tri1 [3:0] t1;
  assign w = a;
  assign w = b;
  assign bus = ea ? a : 4'bz;
  assign bus = eb ? b : 4'bz;
  assign wa = a;
  assign wa = b;
  assign wo = a;
  assign wo = b;
  assign t0 = ea ? a : 4'bz;
  assign t0 = eb ? b : 4'bz;
  assign t1 = ea ? a : 4'bz;
  assign t1 = eb ? b : 4'bz;
  assign w[0] = ea;
  initial begin
    $monitor("%0t a=%b b=%b ea=%b eb=%b w=%b bus=%b wa=%b wo=%b t0=%b t1=%b", $time, a, b, ea, eb,
             w, bus, wa, wo, t0, t1);
    a = 4'b0101; b = 4'b0101; ea = 0; eb = 0;
    #1 a = 4'b0011; b = 4'b0101;
    #1 ea = 1;
    #1 eb = 1;
    #1 ea = 0;
    #1 b = 4'bx10z; eb = 1;
    #1 a = 4'bzzzz; b = 4'bzzzz;
    #1 $finish;
  end
endmodule
