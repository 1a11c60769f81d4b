// Bidirectional switches (1364-2005 clause 7): tran joins two nets, rtran reduces strengths,
// tranif0/tranif1 conduct by their control (x: L/H), bits of vectors as terminals.
module top;
  reg a, b, c, en;
  wire n1, n2, n3, n4, n5;
  wire [2:0] bus;
  assign (pull0, pull1) n1 = a;
  assign (weak0, weak1) n2 = b;
  tran (n1, n2);
  rtran (n2, n3);
  tranif1 (n3, n4, en);
  assign n5 = c;
  rtranif0 (n4, n5, en);
  assign bus[0] = a;
  tran (bus[0], bus[1]);
  tranif1 (bus[1], bus[2], en);
  initial begin
    $monitor("%0t a=%b b=%b c=%b en=%b: %v %v %v %v %v bus=%v/%b", $time, a, b, c, en, n1, n2,
             n3, n4, n5, bus, bus);
    a = 0; b = 1; c = 1'bz; en = 0;
    #1 en = 1;
    #1 a = 1'bz;
    #1 b = 1'bz; c = 1;
    #1 en = 1'bx;
    #1 en = 0; a = 1;
    #1 c = 0;
    #1 $finish;
  end
endmodule
