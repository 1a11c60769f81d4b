// Variables of a static function keep their values between calls; a function can call another function.
module top;
  function integer counter;
    input dummy;
    integer cnt;
    begin
      if (dummy === 1'bx) cnt = 0;
      cnt = cnt + 1;
      counter = cnt;
    end
  endfunction
  function integer twice;
    input integer x;
    twice = 2 * counter(1'b0) + x;
  endfunction
  integer a, b, c;
  initial begin
    a = counter(1'bx);
    b = counter(1'b0);
    c = twice(100);
    $display("%0d %0d %0d", a, b, c);
    $display("%0d", counter(1'b1));
  end
endmodule
