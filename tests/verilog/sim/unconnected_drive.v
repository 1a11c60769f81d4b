// `unconnected_drive pulls the unconnected input ports of the modules defined under it (not
// their outputs, nor connected inputs); a driver inside wins over the pull.
`unconnected_drive pull1
module up(input [3:0] a, input b, input c, output o);
  assign c = 1'b0;
  initial #1 $display("%m: a=%b b=%b c=%b o=%b", a, b, c, o);
endmodule
`nounconnected_drive

`unconnected_drive pull0
module down(a, b);
  input [1:0] a;
  input b;
  initial #1 $display("%m: a=%b b=%b", a, b);
endmodule
`nounconnected_drive

module plain(input a);
  initial #1 $display("%m: a=%b", a);
endmodule

module top;
  wire w = 1'b0;
  up u1();
  up u2(.b(w));
  down d1(, 1'bx);
  down d2();
  plain p();
endmodule
