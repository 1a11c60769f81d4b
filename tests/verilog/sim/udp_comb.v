// Combinational UDPs: a multiplexer with x-pessimism rows, '?' and 'b', unmatched rows give x,
// z inputs count as x, unconnected inputs, and delays.
primitive mux2(out, sel, a, b);
  output out;
  input sel, a, b;
  table
  // sel a b : out
     0   0 ? : 0;
     0   1 ? : 1;
     1   ? 0 : 0;
     1   ? 1 : 1;
     x   0 0 : 0;
     x   1 1 : 1;
  endtable
endprimitive

primitive or_b(o, a, b);
  output o;
  input a, b;
  table
    1 ? : 1;
    ? 1 : 1;
    0 0 : 0;
    b x : x;
  endtable
endprimitive

primitive maj3 (y, a, b, c);
  output y; input a, b, c;
  table
    1 1 ? : 1;
    1 ? 1 : 1;
    ? 1 1 : 1;
    0 0 ? : 0;
    0 ? 0 : 0;
    ? 0 0 : 0;
  endtable
endprimitive

module top;
  reg s, a, b, c;
  wire m, o, y, yd;
  mux2 u1(m, s, a, b);
  or_b u2(o, a, b);
  maj3 u3(y, a, b, c);
  maj3 #3 u4(yd, a, b, c);
  integer i;
  initial begin
    $monitor("%0t s=%b a=%b b=%b c=%b m=%b o=%b y=%b yd=%b", $time, s, a, b, c, m, o, y, yd);
    for (i = 0; i < 64; i = i + 1) begin
      #5 {s, a, b, c} = {i[5:4] == 2 ? 1'bx : i[5:4] == 3 ? 1'bz : i[3], i[2], i[1], i[0]};
    end
    #5 $finish;
  end
endmodule
