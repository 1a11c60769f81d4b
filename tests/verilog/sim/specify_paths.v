// Module path delays (specify, clause 14): rise/fall/turn-off values, six values, conditional and
// ifnone paths, an edge-sensitive path, a parallel path of vectors and a full path, each output
// bit delayed by the path whose input changed last.
`timescale 1ns/100ps
module cell_buf(output o, input i);
  buf (o, i);
  specify
    (i => o) = (3, 5);
  endspecify
endmodule

module cell_tri(output o, input i, input en);
  bufif1 (o, i, en);
  specify
    (i => o) = (2, 4, 6);
    (en => o) = (1, 3, 7);
  endspecify
endmodule

module cell_six(output o, input i, input en);
  bufif1 (o, i, en);
  specify
    (i, en *> o) = (1, 2, 3, 4, 5, 6);
  endspecify
endmodule

module cell_cond(output o, input a, input b);
  xor (o, a, b);
  specify
    if (b) (a => o) = 2;
    if (!b) (a => o) = 4;
    ifnone (b => o) = 1.5;
  endspecify
endmodule

module cell_ff(output reg q, input c, input d);
  always @(posedge c) q <= d;
  specify
    (posedge c => (q +: d)) = (2.5, 3.5);
  endspecify
endmodule

module cell_vec(output [3:0] o, input [3:0] i);
  assign o = ~i;
  specify
    (i => o) = (1, 2);
  endspecify
endmodule

module top;
  reg i, en, a, b, c, d;
  reg [3:0] v;
  wire ob, ot, os, oc, q;
  wire [1:0] hi, lo;
  cell_buf ub(ob, i);
  cell_tri ut(ot, i, en);
  cell_six us(os, i, en);
  cell_cond uc(oc, a, b);
  cell_ff uf(q, c, d);
  cell_vec uv({hi, lo}, v);
  initial begin
    $monitor("%5.1f i=%b en=%b ob=%b ot=%b os=%b a=%b b=%b oc=%b c=%b d=%b q=%b v=%h hi=%b lo=%b",
             $realtime, i, en, ob, ot, os, a, b, oc, c, d, q, v, hi, lo);
    i = 0; en = 0; a = 0; b = 0; c = 0; d = 1; v = 4'h0;
    #10 i = 1;
    #10 en = 1;
    #10 i = 0;
    #10 en = 0;
    #10 i = 1; en = 1;
    #10 a = 1;
    #10 b = 1;
    #10 a = 0;
    #10 b = 0;
    #10 c = 1;
    #10 c = 0; d = 0;
    #10 c = 1;
    #10 v = 4'hf;
    #10 v = 4'h0;
    #10 i = 0;
    #1 i = 1; // shorter than the delay: the pulse is rejected
    #10 $finish;
  end
endmodule
