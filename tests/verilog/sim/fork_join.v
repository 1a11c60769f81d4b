module t;
  reg [7:0] a;
  initial begin
    $display("start %0t", $time);
    fork
      $display("b1");
      $display("b2");
      begin #2 $display("b3 %0t", $time); end
      begin #1 $display("b4 %0t", $time); end
    join
    $display("joined %0t", $time);
  end
  initial $display("other");
  initial begin #1 $display("o1"); #1 $display("o2"); end
endmodule
