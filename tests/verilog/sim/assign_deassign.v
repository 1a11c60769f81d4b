// Procedural continuous assignment: assign/deassign of a variable, and a force over it.
module t;
  reg [7:0] q, d;
  reg clk, rst;
  always @(posedge clk) q <= d;
  always @(rst) if (rst) assign q = 8'd0; else deassign q;
  initial begin
    clk = 0; d = 8'h11; rst = 0;
    #1 clk = 1; #1 clk = 0;
    $display("%0t q=%h", $time, q);
    rst = 1;
    #1 $display("%0t q=%h (reset)", $time, q);
    d = 8'h22; clk = 1; #1 clk = 0;
    $display("%0t q=%h (clocked in reset)", $time, q);
    rst = 0;
    #1 $display("%0t q=%h (deassigned)", $time, q);
    clk = 1; #1 clk = 0;
    $display("%0t q=%h", $time, q);
    assign q = d;
    #1 d = 8'h33;
    #1 $display("%0t q=%h (assign follows d)", $time, q);
    force q = 8'hff;
    #1 d = 8'h44;
    #1 $display("%0t q=%h (forced)", $time, q);
    release q;
    #1 $display("%0t q=%h (released: the assign again)", $time, q);
    deassign q;
    d = 8'h55;
    #1 $display("%0t q=%h (deassigned)", $time, q);
    clk = 1; #1 clk = 0;
    #1 $display("%0t q=%h", $time, q);
  end
endmodule
