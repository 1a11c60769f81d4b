module top;
  integer i, sum;
  reg [7:0] r;
  initial begin
    sum = 0;
    for (i = 1; i <= 10; i = i + 1) sum = sum + i;
    $display("for sum=%0d", sum);
    i = 0;
    while (i < 5) i = i + 2;
    $display("while i=%0d", i);
    r = 0;
    repeat (7) r = r + 3;
    $display("repeat r=%0d", r);
  end
endmodule
