// for, while, repeat (including a zero, negative and x count) and forever loops with their exit conditions.
module top;
  integer i, n;
  reg [3:0] k;
  initial begin
    for (i = 0; i < 3; i = i + 1) $write("f%0d ", i);
    $write("\n");
    i = 10;
    while (i > 7) begin $write("w%0d ", i); i = i - 1; end
    $write("\n");
    n = 0;
    repeat (3) n = n + 1;
    repeat (0) n = n + 100;
    repeat (-1) n = n + 100;
    repeat (4'bx) n = n + 100;
    $display("n=%0d", n);
    k = 0;
    for (k = 1; k < 13; k = k + 4) $write("k%0d ", k);
    $write("\n");
    i = 0;
    begin : fe
      forever begin
        i = i + 1;
        if (i == 5) disable fe;
      end
    end
    $display("i=%0d", i);
    i = 0;
    while (1'bx) i = i + 1;
    $display("while x: %0d", i);
  end
endmodule
