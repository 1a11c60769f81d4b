// wand/wor/triand/trior resolve multiple drivers by AND / OR, with x and z per the 4-state tables.
module top;
  reg [3:0] a, b;
  wand [3:0] wa;
  wor [3:0] wo;
  triand [3:0] ta;
  trior [3:0] to;
  assign wa = a; assign wa = b;
  assign wo = a; assign wo = b;
  assign ta = a; assign ta = b;
  assign to = a; assign to = b;
  initial begin
    a = 4'b0011; b = 4'b0101;
    #1 $display("%b %b %b %b", wa, wo, ta, to);
    a = 4'b01xz; b = 4'b1111;
    #1 $display("%b %b %b %b", wa, wo, ta, to);
    a = 4'b01xz; b = 4'b0000;
    #1 $display("%b %b %b %b", wa, wo, ta, to);
    a = 4'bzzzz; b = 4'b01xz;
    #1 $display("%b %b %b %b", wa, wo, ta, to);
  end
endmodule
