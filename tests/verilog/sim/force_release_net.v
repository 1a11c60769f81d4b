// force on a net overrides its drivers; release gives the net back to its continuous drivers at once.
module top;
  reg a, b;
  wire y = a & b;
  wire [3:0] w;
  assign w = {a, b, a, b};
  initial begin
    a = 1; b = 1;
    #1 $display("y=%b w=%b", y, w);
    force y = 0;
    force w[2:1] = 2'b01;
    #1 $display("forced y=%b w=%b", y, w);
    a = 0;
    #1 $display("a=0 y=%b w=%b", y, w);
    release y;
    release w[2:1];
    #0 $display("released y=%b w=%b", y, w);
    a = 1;
    #1 $display("a=1 y=%b w=%b", y, w);
  end
endmodule
