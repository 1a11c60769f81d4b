// An undeclared name in a module instance's port connection is an implicit scalar net, whatever
// the port's width (1364-2005 4.5): it takes bit 0 of a wide output and pads into a wide input.
// Found by the differential fuzzer (tests/fuzz).
module top;
  src s (.y(w));
  snk k (.a(w));
  wire [5:0] v = $unsigned(w);
  initial #1 $display("%b %b %0d", w, v, $bits(w));
endmodule

module src (output [3:0] y);
  assign y = 4'b1101;
endmodule

module snk (input [3:0] a);
  initial #2 $display("snk %b", a);
endmodule
