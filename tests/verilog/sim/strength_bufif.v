// Tri-state gates with drive strengths: an x or z control gives L/H (1364-2005 clause 7).
module top;
  wire y, n;
  reg p01, p01g, s01, s01g;
  bufif1 (pull0, pull1) (y, p01, p01g);
  bufif1 (strong0, strong1) (y, s01, s01g);
  notif0 (weak0, weak1) (n, p01, p01g);
  initial begin
    $monitor("%0t %b/%b %b/%b y=%b,%v n=%b,%v", $time, p01, p01g, s01, s01g, y, y, n, n);
    {p01, p01g, s01, s01g} = 4'b0000;
    #1 {p01, p01g, s01, s01g} = 4'b0x00;
    #1 {p01, p01g, s01, s01g} = 4'b000x;
    #1 {p01, p01g, s01, s01g} = 4'b1x00;
    #1 {p01, p01g, s01, s01g} = 4'b001x;
    #1 {p01, p01g, s01, s01g} = 4'b0100;
    #1 {p01, p01g, s01, s01g} = 4'b0001;
    #1 {p01, p01g, s01, s01g} = 4'b0111;
    #1 {p01, p01g, s01, s01g} = 4'b00x1;
    #1 {p01, p01g, s01, s01g} = 4'b010x;
    #1 {p01, p01g, s01, s01g} = 4'bx10x;
    #1 {p01, p01g, s01, s01g} = 4'b111x;
    #1 {p01, p01g, s01, s01g} = 4'bx11x;
    #1 {p01, p01g, s01, s01g} = 4'bz0z0;
    #1 $finish;
  end
endmodule
