// force/release of bits and parts of a variable and of a net.
module t;
  reg [3:0] r;
  reg [1:0] b, c;
  reg [3:0] src;
  wire [3:0] w = src;
  initial begin
    r = 4'b0000; src = 4'b0000; b = 2'b10; c = 2'b01;
    #1 force r[0] = 1'b1; force w[0] = 1'b1;
    #1 $display("%0t r=%b w=%b", $time, r, w);
    force r[3:2] = 2'b10; force w[3:2] = 2'b01;
    #1 $display("%0t r=%b w=%b", $time, r, w);
    r = 4'b0000; src = 4'b0110;
    #1 $display("%0t r=%b w=%b", $time, r, w);
    b = 2'b01; c = 2'b11;
    #1 $display("%0t r=%b w=%b", $time, r, w);
    release r[0]; release w[0];
    #1 $display("%0t r=%b w=%b", $time, r, w);
    r = 4'b0000; src = 4'b1111;
    #1 $display("%0t r=%b w=%b", $time, r, w);
    release r[3:2]; release w[3:2];
    #1 $display("%0t r=%b w=%b", $time, r, w);
    force r = 4'hz;
    #1 $display("%0t r=%b", $time, r);
    release r; r = 4'h9;
    #1 $display("%0t r=%b", $time, r);
  end
endmodule
