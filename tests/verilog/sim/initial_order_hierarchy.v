// Time-0 start order across the hierarchy, as Icarus: a module's generate blocks, then its
// instances, then its own processes (its variable initialisers first).
module leaf; initial $display("leaf %m"); endmodule
module mid;
  initial $display("mid-a %m");
  leaf l1();
  leaf l2();
  initial $display("mid-b %m");
endmodule
module gen_mid;
  initial $display("gen_mid-a %m q=%b", q);
  reg q = 1;
  leaf zz();
  leaf aa();
  genvar i;
  generate for (i = 0; i < 2; i = i + 1) begin : b
    initial $display("gen %m");
    leaf x();
  end endgenerate
  generate if (1) begin : zgen initial $display("zgen %m"); end endgenerate
endmodule
module top;
  initial $display("top-a");
  mid m();
  initial $display("top-b");
  gen_mid g();
endmodule
