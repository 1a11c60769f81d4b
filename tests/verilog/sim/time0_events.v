// Values given at time 0 are events that processes already waiting see (Icarus's order):
// variable initialisers, net declaration assignments, constant assigns, initial assignments,
// output port initialisers (ANSI and in the body), and an @* block reading them.
module src(output reg q = 1'b1, output integer n = 5);
endmodule
module src2(q); output q; reg q = 1'b0; endmodule
module top;
  reg e;
  reg f = 1'b0;
  wire g = 1'b0;
  wire h;
  assign h = 1'b1;
  reg [7:0] v = 8'd3;
  real r = 2.5;
  initial e = 1'b0;
  always @(e) $display("woke on e");
  always @(f) $display("woke on f");
  always @(g) $display("woke on g");
  always @(*) $display("woke @* %b%b%b", e, f, g);
  always @(h or v) $display("woke h=%b v=%0d", h, v);
  wire q, q2;
  wire signed [31:0] n;
  src s(q, n);
  src2 s2(q2);
  always @(q or n) $display("port q=%b n=%0d", q, n);
  always @(q2) $display("port q2=%b", q2);
  reg clk = 1'b1;
  always @(posedge clk) $display("posedge clk at %0t (not at 0)", $time);
  initial begin
    $display("initial sees f=%b v=%0d r=%g", f, v, r);
    #1 clk = 0;
    #1 clk = 1;
    #1 $finish;
  end
endmodule
