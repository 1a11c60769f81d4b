module top;
  function [7:0] twice;
    input [7:0] v;
    twice = v * 2;
  endfunction
  function integer fact;
    input integer n;
    integer k;
    begin
      fact = 1;
      for (k = 2; k <= n; k = k + 1) fact = fact * k;
    end
  endfunction
  initial begin
    $display("%0d %0d", twice(21), fact(5));
  end
endmodule
