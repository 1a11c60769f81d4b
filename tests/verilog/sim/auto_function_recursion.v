// Automatic functions: recursion with per-call frames, locals and loops.
module top;
  function automatic integer fact(input integer n);
    begin
      if (n <= 1) fact = 1;
      else fact = n * fact(n - 1);
    end
  endfunction

  function automatic [31:0] fib(input [31:0] n);
    reg [31:0] a, b;
    begin
      if (n >= 2) begin
        a = fib(n - 1);
        b = fib(n - 2);
        fib = a + b;
      end else fib = n;
    end
  endfunction

  // A local array in each frame.
  function automatic integer sumsq(input integer n);
    integer i;
    reg [7:0] m [0:3];
    begin
      for (i = 0; i < 4; i = i + 1) m[i] = n + i;
      sumsq = 0;
      for (i = 0; i < 4; i = i + 1) sumsq = sumsq + m[i] * m[i];
      if (n > 0) sumsq = sumsq + sumsq(n - 1);
    end
  endfunction

  // Mutual recursion.
  function automatic is_even(input integer n);
    is_even = (n == 0) ? 1'b1 : is_odd(n - 1);
  endfunction
  function automatic is_odd(input integer n);
    is_odd = (n == 0) ? 1'b0 : is_even(n - 1);
  endfunction

  // A local that is not assigned is x on every call.
  function automatic [3:0] fresh(input integer k);
    reg [3:0] t;
    begin
      fresh = t;
      t = k;
    end
  endfunction

  function automatic real half(input real r, input integer d);
    half = d == 0 ? r : half(r / 2.0, d - 1);
  endfunction

  integer k;
  wire [31:0] w;
  reg [31:0] x;
  assign w = fib(x);
  initial begin
    for (k = 0; k < 8; k = k + 1) $display("fact(%0d)=%0d fib(%0d)=%0d", k, fact(k), k, fib(k));
    $display("sumsq(3)=%0d", sumsq(3));
    $display("even(10)=%b odd(7)=%b even(7)=%b", is_even(10), is_odd(7), is_even(7));
    $display("fresh=%b %b", fresh(3), fresh(5));
    $display("half=%f", half(10.0, 3));
    x = 10;
    #1 $display("w=%0d", w);
    x = 15;
    #1 $display("w=%0d", w);
  end
endmodule
