module leaf #(parameter W = 4) (input [W-1:0] d, input clk, output reg [W-1:0] q);
  always @(posedge clk) q <= d;
  specify
    specparam tpd = 1.5;
    (clk => q) = (tpd, tpd);
    if (d[0]) (posedge clk *> q) = 2;
    $setup(d, posedge clk, 1);
    $width(posedge clk, 3, 0, ntfr);
  endspecify
endmodule
primitive mux (o, s, a, b);
  output o; input s, a, b;
  table
    0 0 ? : 0;  0 1 ? : 1;  1 ? 0 : 0;  1 ? 1 : 1;
  endtable
endprimitive
primitive dff (q, c, d);
  output reg q; input c, d; initial q = 0;
  table (01) 0 : ? : 0; (01) 1 : ? : 1; (0?) ? : ? : -; ? * : ? : -; endtable
endprimitive
module top;
  wire [3:0] q; reg [3:0] d; reg clk; wire o;
  genvar g;
  generate for (g = 0; g < 2; g = g + 1) begin : gen
    leaf #(.W(4)) u (.d(d), .clk(clk), .q());
  end endgenerate
  if (1) begin : g1 wire n; end else begin : g2 end
  leaf l2 (d, clk, q);
  mux m1 (o, clk, d[0], d[1]);
  and #(1, 2) a1 [1:0] (q[1:0], d[1:0], d[3:2]);
  bufif1 (strong0, weak1) b1 (o, d[0], clk);
  defparam gen[0].u.W = 4;
endmodule
config cfg; design work.top; default liblist work; instance top.l2 use work.leaf; endconfig
