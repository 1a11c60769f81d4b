// disable of an enclosing named block acts as break; of the loop body block acts as continue.
module top;
  integer i;
  initial begin
    begin : brk
      for (i = 0; i < 10; i = i + 1) begin : cont
        if (i == 2) disable cont;
        if (i == 6) disable brk;
        $display("i=%0d", i);
      end
    end
    $display("after i=%0d", i);
    i = 0;
    begin : w
      forever begin
        i = i + 1;
        if (i > 4) disable w;
        #1;
      end
    end
    $display("%0t forever done i=%0d", $time, i);
  end
endmodule
