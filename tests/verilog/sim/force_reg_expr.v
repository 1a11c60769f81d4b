// force of a variable keeps tracking the forced expression; assignments are ignored while forced; release keeps the value until the next assignment.
module top;
  reg [7:0] r, s;
  initial begin
    r = 1; s = 10;
    force r = s;
    #1 $display("r=%0d", r);
    s = 20;
    #1 $display("r=%0d", r);
    r = 99;
    #1 $display("assigned while forced r=%0d", r);
    release r;
    #1 $display("released r=%0d", r);
    s = 30;
    #1 $display("r=%0d", r);
    r = 5;
    #1 $display("r=%0d", r);
  end
endmodule
