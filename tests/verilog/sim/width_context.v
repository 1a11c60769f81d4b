// Expression width comes from the context (clause 5.4): the carry of a+b survives in a wider target, and is lost in a self-determined operand.
module top;
  reg [7:0] a, b;
  reg [8:0] s9;
  reg [15:0] s16;
  initial begin
    a = 8'hff; b = 8'h01;
    s9 = a + b;
    $display("%h", s9);
    s9 = {a + b};
    $display("%h", s9);
    s16 = (a + b) >> 1;
    $display("%h", s16);
    s16 = {a + b} >> 1;
    $display("%h", s16);
    $display("%b", (a + b) == 9'h100);
    $display("%h", (a + b + 0) >> 1);
    $display("%0d", a * b * 2);
    s9 = a << 1;
    $display("%h", s9);
    $display("%h", ~a + 1'b1);
    s16 = ~a;
    $display("%h", s16);
  end
endmodule
