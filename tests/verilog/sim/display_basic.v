module top;
  reg [7:0] a;
  reg signed [7:0] b;
  integer i;
  initial begin
    a = 8'hA5;
    b = -8'sd5;
    i = 42;
    $display("hello world");
    $display("a=%d b=%d i=%0d", a, b, i);
    $display("hex %h bin %b oct %o", a, a, a);
    $display("%0h %0b %5d|%-5d|", a, a, a, a);
    $display(a, " ", b);
    $write("no newline ");
    $write("then %0d\n", i);
    $displayh(a);
    $displayb(a[3:0]);
    $display("%c%c", 8'h4f, 8'h4b);
    $display("%s", "str");
  end
endmodule
