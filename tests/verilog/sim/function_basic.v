// Static functions: return by function name, inputs of several widths, integer and real return types, use in expressions.
module top;
  function [7:0] add3;
    input [7:0] a, b;
    input c;
    add3 = a + b + c;
  endfunction
  function integer clog2;
    input integer v;
    integer k;
    begin
      clog2 = 0;
      for (k = v - 1; k > 0; k = k >> 1) clog2 = clog2 + 1;
    end
  endfunction
  function real half;
    input real x;
    half = x / 2.0;
  endfunction
  function signed [7:0] neg;
    input signed [7:0] x;
    neg = -x;
  endfunction
  function [3:0] rev;
    input [3:0] x;
    integer i;
    for (i = 0; i < 4; i = i + 1) rev[i] = x[3 - i];
  endfunction
  initial begin
    $display("%0d %0d", add3(8'd200, 8'd100, 1'b1), add3(1, 2, 1) * 2);
    $display("%0d %0d %0d %0d", clog2(1), clog2(2), clog2(17), clog2(1024));
    $display("%0.2f", half(5));
    $display("%0d %0d", neg(8'sd5), neg(-8'sd128));
    $display("%b %b", rev(4'b0001), rev(rev(4'b1101)));
  end
endmodule
