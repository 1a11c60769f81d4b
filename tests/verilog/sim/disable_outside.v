module t;
  reg clk = 0;
  integer n = 0;
  event go;
  task waiter;
    begin : tw
      @(go);
      $display("waiter got go %0t", $time);
    end
  endtask
  always #5 clk = ~clk;
  initial begin : watchdog
    #100 $display("watchdog fired");
  end
  initial begin
    fork : f
      begin #30 $display("timeout %0t", $time); disable f; end
      begin @(posedge clk); @(posedge clk); $display("two edges %0t", $time); end
      begin : inner forever begin @(posedge clk); n = n + 1; end end
    join
    $display("after f %0t n=%0d", $time, n);
    fork
      begin waiter; $display("waiter returned %0t", $time); end
      begin #3 disable waiter; $display("disabled waiter %0t", $time); end
    join
    disable watchdog;
    fork : g
      #7 $display("g1 %0t", $time);
      #9 $display("g2 %0t", $time);
      begin #8 disable g; $display("not printed"); end
    join
    $display("after g %0t", $time);
    $finish;
  end
endmodule
