`define W 8
`define MAX(a, b) ((a) > (b) ? (a) : (b))
`define STR(x) `"x`"
`ifdef W
  `ifndef NOPE
module m #(parameter P = `MAX(3, `W)) (input [`W-1:0] a, output reg [P:0] y);
  always @* y = a + `MAX(a, 1);
  initial $display(`STR(hello));
endmodule
  `endif
`elsif OTHER
`else
`endif
