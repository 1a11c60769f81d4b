// repeat evaluates its count once at entry; changing the count variable inside the loop does not change the iterations.
module top;
  integer n, k;
  initial begin
    n = 3; k = 0;
    repeat (n) begin
      #1 k = k + 1;
      n = 10;
      $display("%0t k=%0d n=%0d", $time, k, n);
    end
    $display("done k=%0d", k);
  end
endmodule
