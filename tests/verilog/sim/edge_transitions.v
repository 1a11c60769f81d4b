// posedge is 0->1, 0->x/z, x/z->1; negedge the reverse; an edge on a vector looks at its least significant bit.
module top;
  reg s;
  reg [3:0] v;
  integer np, nn, nv;
  initial begin np = 0; nn = 0; nv = 0; end
  always @(posedge s) np = np + 1;
  always @(negedge s) nn = nn + 1;
  always @(posedge v) nv = nv + 1;
  initial begin
    #1 s = 0;
    #1 s = 1'bx;
    #1 s = 1;
    #1 s = 1'bz;
    #1 s = 0;
    #1 s = 1'bz;
    #1 s = 1;
    #1 s = 1'bx;
    #1 s = 0;
    #1 $display("pos=%0d neg=%0d", np, nn);
    v = 4'b0000;
    #1 v = 4'b1110;
    #1 v = 4'b0001;
    #1 v = 4'b0000;
    #1 v = 4'b1111;
    #1 $display("vec pos=%0d", nv);
  end
endmodule
