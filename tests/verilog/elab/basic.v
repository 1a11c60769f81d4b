module sub #(parameter W = 4) (input [W-1:0] a, output [W-1:0] y);
  assign y = ~a;
endmodule
module top;
  reg [7:0] r;
  wire [3:0] w;
  wire [7:0] s;
  localparam P = 3 + 4'd2;
  sub #(.W(8)) u1 (.a(r), .y(s));
  assign w = r[3:0] + 1;
  initial begin
    r = 8'h5;
    #1 $display("%d %d", s, w);
  end
  always @(posedge r[0]) r <= r + 1;
  genvar i;
  generate for (i = 0; i < 2; i = i + 1) begin : g
    wire x = r[i];
  end endgenerate
  generate if (P == 5) begin wire q; end endgenerate
endmodule
