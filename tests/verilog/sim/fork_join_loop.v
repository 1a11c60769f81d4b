// fork/join in a loop: each iteration waits for the slowest branch before the next starts.
module top;
  integer i;
  reg [7:0] acc;
  initial begin
    acc = 0;
    for (i = 1; i <= 3; i = i + 1) begin
      fork
        #(i) acc = acc + 1;
        #(2*i) acc = acc + 10;
      join
      $display("%0t i=%0d acc=%0d", $time, i, acc);
    end
  end
endmodule
