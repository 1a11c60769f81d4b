// Every multi-input gate (and/nand/or/nor/xor/xnor) and multi-output buf/not, with x and z inputs.
module top;
  reg [2:0] in;
  wire o_and, o_nand, o_or, o_nor, o_xor, o_xnor, b1, b2, n1, n2;
  and (o_and, in[0], in[1], in[2]);
  nand (o_nand, in[0], in[1], in[2]);
  or (o_or, in[0], in[1], in[2]);
  nor (o_nor, in[0], in[1], in[2]);
  xor (o_xor, in[0], in[1], in[2]);
  xnor (o_xnor, in[0], in[1], in[2]);
  buf (b1, b2, in[0]);
  not (n1, n2, in[0]);
  integer i;
  initial begin
    for (i = 0; i < 8; i = i + 1) begin
      in = i;
      #1 $display("%b: %b %b %b %b %b %b %b%b %b%b", in, o_and, o_nand, o_or, o_nor, o_xor, o_xnor, b1, b2, n1, n2);
    end
    in = 3'b1x0; #1 $display("%b: %b %b %b %b %b %b %b%b %b%b", in, o_and, o_nand, o_or, o_nor, o_xor, o_xnor, b1, b2, n1, n2);
    in = 3'b1z1; #1 $display("%b: %b %b %b %b %b %b %b%b %b%b", in, o_and, o_nand, o_or, o_nor, o_xor, o_xnor, b1, b2, n1, n2);
    in = 3'bzzz; #1 $display("%b: %b %b %b %b %b %b %b%b %b%b", in, o_and, o_nand, o_or, o_nor, o_xor, o_xnor, b1, b2, n1, n2);
  end
endmodule
