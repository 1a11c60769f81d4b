// Intra-assignment timing: the right-hand side is sampled first, the assignment happens after the delay or event.
module top;
  reg clk;
  reg [7:0] a, b, c, d;
  initial begin
    clk = 0;
    #10 clk = 1;
    #10 clk = 0;
    #10 clk = 1;
  end
  initial begin
    a = 1;
    b = #5 a;
    $display("%0t b=%0d", $time, b);
  end
  initial begin
    #1 a = 2;
    c = @(posedge clk) a;
    $display("%0t c=%0d", $time, c);
    #2 a = 3;
    d = @(posedge clk) a;
    a = 4;
    $display("%0t d=%0d", $time, d);
  end
endmodule
