module leaf #(parameter W = 2) (input [W-1:0] i, output [W-1:0] o);
  assign o = i;
endmodule
module top;
  wire [7:0] x, y;
  leaf #(.W(4)) l[1:0] (.i(x), .o(y));
  genvar k;
  generate for (k = 0; k < 2; k = k + 1) begin : g
    and a1 (y[k], x[k], x[k+1]);
  end endgenerate
  initial $display("%m %b", l[0].o);
endmodule
