// %m prints the hierarchical name of the scope that calls the task, including named blocks, tasks and functions.
module leaf;
  parameter D = 1;
  task t; $display("in task %m"); endtask
  function integer f; input a; begin $display("in function %m"); f = a; end endfunction
  integer r;
  initial begin
    #D $display("leaf %m");
    begin : blk
      $display("block %m");
      t;
      r = f(1);
    end
  end
endmodule
module mid;
  leaf #(1) l1();
  leaf #(2) l2();
endmodule
module top;
  mid m();
  initial $display("top %m");
endmodule
