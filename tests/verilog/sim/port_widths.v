// Port connections: narrower signals are zero-extended, wider ones truncated, unconnected inputs float (z), outputs unconnected are fine.
module sub(input [7:0] in, input [3:0] unc, output [3:0] out, output [7:0] wide);
  assign out = in[7:4];
  assign wide = {unc, in[3:0]};
endmodule
module top;
  reg [3:0] narrow;
  reg [11:0] big;
  wire [3:0] o1, o2;
  wire [7:0] w1;
  wire [1:0] w2;
  sub s1(.in(narrow), .unc(), .out(o1), .wide(w1));
  sub s2(.in(big), .unc(4'h5), .out(o2), .wide(w2));
  initial begin
    narrow = 4'hC; big = 12'hABC;
    #1 $display("%h %h %h %b", o1, w1, o2, w2);
  end
endmodule
