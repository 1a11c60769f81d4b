// Constant part selects on vectors with ascending and descending ranges, as operands and as assignment targets.
module top;
  reg [15:0] d;
  reg [0:15] a;
  reg [7:4] n;
  initial begin
    d = 16'hA5C3;
    a = 16'hA5C3;
    n = 4'b1001;
    $display("%h %h %h %b", d[15:8], d[7:0], d[11:4], d[0]);
    $display("%h %h %h %b", a[0:7], a[8:15], a[4:11], a[0]);
    $display("%b %b %b", n[7], n[5:4], n[6:5]);
    d[3:0] = 4'hF;
    a[0:3] = 4'h0;
    n[6:5] = 2'b11;
    $display("%h %h %b", d, a, n);
  end
endmodule
