// Hierarchical references read and write variables in other instances, named blocks, and trigger events there.
module child;
  parameter D = 5;
  reg [7:0] val;
  event ev;
  initial val = 8'h10;
  always @(ev) $display("%0t child %m got ev, val=%h", $time, val);
  initial begin : blk
    reg [3:0] local;
    local = 4'h7;
    #D $display("%0t local=%h", $time, local);
  end
endmodule
module top;
  child #(5) c1();
  child #(6) c2();
  initial begin
    #1 $display("%h %h", c1.val, c2.val);
    c1.val = 8'h21;
    -> c1.ev;
    #1 c2.val = c1.val + 1;
    -> c2.ev;
    #1 c1.blk.local = 4'h9;
    top.c2.blk.local = 4'h3;
    #1 $display("%h %h", c1.val, top.c2.val);
  end
endmodule
