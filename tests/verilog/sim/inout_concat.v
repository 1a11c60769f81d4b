// Inout ports connected to concatenations of nets and constant selects, and to narrower or
// wider nets: each bit of the port is joined to its bit of the connection; the high bits of
// the wider side stay unconnected.
module drv(inout [2:0] t, input [2:0] d);
  assign t = d;
endmodule

module pass(inout [1:0] a, inout [1:0] b);
  assign a = b;
endmodule

module top;
  wire hi;
  wire [3:0] v;
  reg [2:0] d;
  drv u0({hi, v[2:1]}, d);
  assign v[0] = 1'b1;

  reg [2:0] r;
  wire [0:0] n1;
  wire [2:0] n3;
  wire [1:0] o1, o3;
  assign n1 = r;
  assign n3 = r;
  pass p1(o1, n1);
  pass p3(o3, n3);

  wire [1:0] q;
  reg [1:0] qd;
  drv u1({q[0], q[1]}, {1'b0, qd});

  initial begin
    d = 3'bz10;
    qd = 2'b10;
    r = 3'b101;
    #1 $display("hi=%b v=%b o1=%b o3=%b q=%b", hi, v, o1, o3, q);
    d = 3'b0z1;
    qd = 2'bz1;
    r = 3'b110;
    #1 $display("hi=%b v=%b o1=%b o3=%b q=%b", hi, v, o1, o3, q);
  end
endmodule
