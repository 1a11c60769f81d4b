// Gate-level simulation with SDF back-annotation: a netlist of cells with specify blocks,
// delays from examples/gate_level.sdf. metalfpga_cli --run examples/gate_level.v
`timescale 1ns/1ps
// Cells as a synthesis library writes them: a primitive and a specify block each.
`celldefine
module XOR2(output Y, input A, input B);
  xor (Y, A, B);
  specify
    (A => Y) = (1.0, 1.0);
    (B => Y) = (1.0, 1.0);
  endspecify
endmodule
module AND2(output Y, input A, input B);
  and (Y, A, B);
  specify
    (A => Y) = (1.0, 1.0);
    (B => Y) = (1.0, 1.0);
  endspecify
endmodule
module OR2(output Y, input A, input B);
  or (Y, A, B);
  specify
    (A => Y) = (1.0, 1.0);
    (B => Y) = (1.0, 1.0);
  endspecify
endmodule
`endcelldefine

// A 4-bit ripple-carry adder as a netlist of cells (what synthesis writes).
module adder4(input [3:0] a, input [3:0] b, input cin, output [3:0] s, output cout);
  wire [4:0] c;
  wire [3:0] x, g, p;
  assign c[0] = cin;
  assign cout = c[4];
  XOR2 u_x1_0 (.Y(x[0]), .A(a[0]), .B(b[0]));
  XOR2 u_x2_0 (.Y(s[0]), .A(x[0]), .B(c[0]));
  AND2 u_a1_0 (.Y(g[0]), .A(a[0]), .B(b[0]));
  AND2 u_a2_0 (.Y(p[0]), .A(x[0]), .B(c[0]));
  OR2  u_o_0 (.Y(c[1]), .A(g[0]), .B(p[0]));
  XOR2 u_x1_1 (.Y(x[1]), .A(a[1]), .B(b[1]));
  XOR2 u_x2_1 (.Y(s[1]), .A(x[1]), .B(c[1]));
  AND2 u_a1_1 (.Y(g[1]), .A(a[1]), .B(b[1]));
  AND2 u_a2_1 (.Y(p[1]), .A(x[1]), .B(c[1]));
  OR2  u_o_1 (.Y(c[2]), .A(g[1]), .B(p[1]));
  XOR2 u_x1_2 (.Y(x[2]), .A(a[2]), .B(b[2]));
  XOR2 u_x2_2 (.Y(s[2]), .A(x[2]), .B(c[2]));
  AND2 u_a1_2 (.Y(g[2]), .A(a[2]), .B(b[2]));
  AND2 u_a2_2 (.Y(p[2]), .A(x[2]), .B(c[2]));
  OR2  u_o_2 (.Y(c[3]), .A(g[2]), .B(p[2]));
  XOR2 u_x1_3 (.Y(x[3]), .A(a[3]), .B(b[3]));
  XOR2 u_x2_3 (.Y(s[3]), .A(x[3]), .B(c[3]));
  AND2 u_a1_3 (.Y(g[3]), .A(a[3]), .B(b[3]));
  AND2 u_a2_3 (.Y(p[3]), .A(x[3]), .B(c[3]));
  OR2  u_o_3 (.Y(c[4]), .A(g[3]), .B(p[3]));
endmodule

// The testbench: back-annotates the netlist from gate_level.sdf (run from the repository root)
// and prints every change of the sum and carry with its time.
module gate_level_tb;
  reg [3:0] a, b;
  reg cin;
  wire [3:0] s;
  wire cout;
  adder4 dut(.a(a), .b(b), .cin(cin), .s(s), .cout(cout));
  initial begin
    $sdf_annotate("examples/gate_level.sdf", dut);
    $monitor("%t a=%h b=%h cin=%b s=%h cout=%b", $realtime, a, b, cin, s, cout);
    a = 0; b = 0; cin = 0;
    #20 a = 4'h5; b = 4'h3;
    #20 a = 4'hf; b = 4'h1;
    #20 cin = 1;
    #20 a = 4'h7; b = 4'h8; cin = 0;
    #20 a = 4'ha; b = 4'h5; cin = 1;
    #20 $finish;
  end
endmodule
