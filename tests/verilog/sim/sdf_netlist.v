// SDF back-annotation of a netlist as a synthesis tool writes it: cells are gate-level modules
// with specify blocks, instances have escaped names, and data/sdf_netlist.sdf sets the delays
// (absolute and increment, min:typ:max triples, an empty value, a wildcard instance).
`timescale 1ns/1ps
`celldefine
module NAND2X1(output Y, input A, input B);
  nand (Y, A, B);
  specify
    (A => Y) = (1.0, 1.0);
    (B => Y) = (1.0, 1.0);
  endspecify
endmodule
module INVX1(output Y, input A);
  not (Y, A);
  specify
    (A => Y) = (0.5, 0.5);
  endspecify
endmodule
module DFFX1(output reg Q, input CK, input D);
  always @(posedge CK) Q <= D;
  specify
    (posedge CK => (Q +: D)) = (1.0, 1.0);
  endspecify
endmodule
`endcelldefine

module core(output q, output y, input a, input b, input clk);
  wire n1;
  NAND2X1 \u_nand[0] (.Y(n1), .A(a), .B(b));
  INVX1 u_inv (.Y(y), .A(n1));
  DFFX1 u_ff (.Q(q), .CK(clk), .D(y));
endmodule

module top;
  reg a, b, clk;
  wire q, y;
  core dut(.q(q), .y(y), .a(a), .b(b), .clk(clk));
  initial begin
    $sdf_annotate("data/sdf_netlist.sdf", dut);
    $monitor("%0t a=%b b=%b y=%b clk=%b q=%b", $time, a, b, y, clk, q);
    a = 0; b = 0; clk = 0;
    #10 a = 1;
    #10 b = 1;
    #10 clk = 1;
    #10 clk = 0; b = 0;
    #10 clk = 1;
    #10 $finish;
  end
endmodule
