// Drive strengths on continuous assignments and gates, their resolution (1364-2005 clause 7)
// and %v.
module top;
  reg a, b;
  wire w1, w2, w3;
  wire [3:0] v;
  tri0 t0;
  tri1 t1;
  supply0 s0;
  supply1 s1;
  wire p;
  assign (weak0, weak1) w1 = a;
  assign (strong0, strong1) w1 = b;
  assign (pull0, pull1) w2 = a;
  assign (weak0, weak1) w2 = b;
  and (pull0, highz1) g1 (w3, a, b);
  assign (pull1, strong0) v = 4'b0110;
  assign (weak0, weak1) t1 = a;
  assign s0 = b;
  pullup (p);
  initial begin
    $monitor("%0t a=%b b=%b w1=%v/%b w2=%v/%b w3=%v/%b v=%v t0=%v t1=%v/%b s0=%v/%b s1=%v p=%v",
             $time, a, b, w1, w1, w2, w2, w3, w3, v, t0, t1, t1, s0, s0, s1, p);
    a = 0; b = 0;
    #1 a = 1;
    #1 b = 1'bz;
    #1 a = 1'bx;
    #1 b = 1;
    #1 a = 1'bz; b = 1'bz;
    #1 a = 0; b = 1'bx;
    #1 $finish;
  end
endmodule
