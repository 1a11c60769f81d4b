module inc #(parameter W = 4, parameter STEP = 1) (input [W-1:0] a, output [W-1:0] y);
  assign y = a + STEP;
endmodule
module top;
  reg [7:0] a;
  wire [7:0] y [0:3];
  genvar g;
  generate
    for (g = 0; g < 4; g = g + 1) begin : gen
      inc #(.W(8), .STEP(g * 10)) u (.a(a), .y(y[g]));
    end
  endgenerate
  initial begin
    a = 5;
    #1 $display("%0d %0d %0d %0d", y[0], y[1], y[2], y[3]);
  end
endmodule
