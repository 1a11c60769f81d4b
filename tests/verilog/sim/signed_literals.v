// Sized signed literals ('sd, 'sh), unsized decimals as signed integers, and sign extension on assignment.
module top;
  reg signed [7:0] a;
  reg signed [15:0] b;
  reg [15:0] c;
  initial begin
    a = 4'shf;
    $display("%0d %b", a, a);
    a = 4'hf;
    $display("%0d %b", a, a);
    b = 8'sh80;
    c = 8'sh80;
    $display("%0d %h", b, c);
    b = -1;
    $display("%h %0d", b, b);
    $display("%0d %0d", 'sd15, -'d15);
    $display("%0d", 32'hffff_ffff);
    $display("%0d", 32'shffff_ffff);
    $display("%0d", -5 % 3);
    $display("%0d", 5 % -3);
    $display("%0d", -7 / 2);
  end
endmodule
