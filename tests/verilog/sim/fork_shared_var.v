// Branches of a fork that touch a shared variable at distinct times give a fixed result; join resumes after the last.
module top;
  integer x;
  initial begin
    x = 0;
    fork
      #3 x = x + 1;
      #1 x = x * 10 + 2;
      #2 x = x * 10 + 3;
      begin #4; x = x * 2; end
    join
    $display("%0t x=%0d", $time, x);
  end
endmodule
