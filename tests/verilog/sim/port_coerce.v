// Ports connected to nets are bidirectional where Icarus coerces them to inout: an input port
// driven inside its module, an output port read but not driven inside. A narrower or wider
// connection joins the low bits; the others stay unconnected.
module swap(input [1:0] a, output [1:0] b);
  assign a = b;
endmodule

module sense(input [2:0] i, output [2:0] seen);
  assign i[0] = 1'b1;
  assign seen = i;
endmodule

module top;
  reg [2:0] r;
  wire [0:0] n1;
  wire [2:0] n3;
  wire [1:0] a1, a3;
  assign n1 = r;
  assign n3 = r;
  swap s1(a1, n1);
  swap s3(a3, n3);

  wire [3:0] w;
  wire [2:0] seen;
  assign w[3:1] = r;
  sense u(w[2:1], seen);

  initial begin
    r = 3'b101;
    #1 $display("a1=%b a3=%b w=%b seen=%b", a1, a3, w, seen);
    r = 3'b010;
    #1 $display("a1=%b a3=%b w=%b seen=%b", a1, a3, w, seen);
  end
endmodule
