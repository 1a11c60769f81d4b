// $clog2 at run time (1364-2005 17.11.1): ceiling log2 of the unsigned value, 0 for 0 and 1, X for X/Z.
module clog2_runtime; reg [7:0] a; reg [99:0] w; integer r;
initial begin
  a = 8'bx; r = $clog2(a); $display("%0d", r);
  a = 0; r = $clog2(a); $display("%0d", r);
  a = 1; r = $clog2(a); $display("%0d", r);
  a = 5; r = $clog2(a); $display("%0d", r);
  a = 128; r = $clog2(a); $display("%0d", r);
  a = 129; r = $clog2(a); $display("%0d", r);
  w = 100'h1_0000_0000_0000_0000; r = $clog2(w); $display("%0d", r);
  w = 100'h1_0000_0000_0000_0001; r = $clog2(w); $display("%0d", r);
  w = {100{1'b1}}; r = $clog2(w); $display("%0d", r);
  r = -1; r = $clog2(r); $display("%0d", r);
end
endmodule
