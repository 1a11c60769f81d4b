// Disabling a named fork block kills all its branches; the parent continues after the block.
module top;
  initial begin
    fork : f
      begin #5 $display("%0t one", $time); end
      begin #15 $display("%0t two (never)", $time); end
      begin #8 $display("%0t disable", $time); disable f; end
    join
    $display("%0t after fork", $time);
    #20 $display("%0t end", $time);
  end
endmodule
