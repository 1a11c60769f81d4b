// Generate for loops with genvars build replicated logic; named generate blocks give hierarchical names.
module top;
  parameter N = 4;
  reg [N-1:0] a, b;
  wire [N-1:0] s;
  wire [N:0] c;
  assign c[0] = 1'b0;
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : fa
      wire p = a[i] ^ b[i];
      assign s[i] = p ^ c[i];
      assign c[i+1] = (a[i] & b[i]) | (p & c[i]);
    end
  endgenerate
  initial begin
    a = 4'd9; b = 4'd5;
    #1 $display("%0d + %0d = %0d carry %b p2=%b", a, b, s, c[N], fa[2].p);
    a = 4'd15; b = 4'd1;
    #1 $display("%0d + %0d = %0d carry %b p0=%b", a, b, s, c[N], fa[0].p);
  end
endmodule
