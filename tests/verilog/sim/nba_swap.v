module top;
  reg [7:0] a, b;
  initial begin
    a = 1; b = 2;
    a <= b;
    b <= a;
    $display("before %0d %0d", a, b);
    #1 $display("after %0d %0d", a, b);
  end
endmodule
