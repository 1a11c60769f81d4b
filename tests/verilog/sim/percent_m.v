module leaf;
  task hello;
    $display("hello from %m");
  endtask
  initial #1 hello;
endmodule
module mid;
  leaf l1();
  leaf l2();
  initial begin : blk
    $display("in %m");
  end
endmodule
module top;
  mid m();
endmodule
